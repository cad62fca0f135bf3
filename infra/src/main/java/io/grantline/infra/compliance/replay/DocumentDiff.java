package io.grantline.infra.compliance.replay;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * Field-by-field comparison of two stored documents, and their values as JSON. Nested documents are compared field by
 * field (dotted paths); arrays as a whole, element by element; dates by instant; numbers by value, whatever their
 * stored width. A field one side lacks differs from any value the other side has, null included.
 */
final class DocumentDiff {

    /** A field that differs, with both values already in their JSON form. */
    record Field(String path, Object live, Object rebuilt) {
    }

    private static final Object MISSING = new Object();

    private DocumentDiff() {
    }

    /** The differing fields of two versions of one document ({@code _id} is their common key and is not compared). */
    static List<Field> fields(Map<String, Object> live, Map<String, Object> rebuilt) {
        List<Field> out = new ArrayList<>();
        compareMaps(null, live, rebuilt, out);
        return out;
    }

    /** A stored value as Jackson writes it well: maps, lists, strings, numbers, booleans, instants. */
    static Object json(Object value) {
        if (value == null || value == MISSING) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, nested) -> copy.put(String.valueOf(key), json(nested)));
            return copy;
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(DocumentDiff::json).toList();
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof ObjectId objectId) {
            return objectId.toHexString();
        }
        if (value instanceof Binary binary) {
            return Base64.getEncoder().encodeToString(binary.getData());
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return value.toString();
    }

    /** The document id as text, the way the API shows ids. */
    static String idText(Object id) {
        return id instanceof ObjectId objectId ? objectId.toHexString() : String.valueOf(id);
    }

    @SuppressWarnings("unchecked")
    private static void compare(String path, Object live, Object rebuilt, List<Field> out) {
        if (live instanceof Map<?, ?> liveMap && rebuilt instanceof Map<?, ?> rebuiltMap) {
            compareMaps(path, (Map<String, Object>) liveMap, (Map<String, Object>) rebuiltMap, out);
        } else if (!same(live, rebuilt)) {
            out.add(new Field(path, json(live), json(rebuilt)));
        }
    }

    private static void compareMaps(String path, Map<String, Object> live, Map<String, Object> rebuilt, List<Field> out) {
        Set<String> keys = new LinkedHashSet<>(rebuilt.keySet());
        keys.addAll(live.keySet());
        for (String key : keys) {
            if (path == null && key.equals("_id")) {
                continue;
            }
            compare(path == null ? key : path + "." + key, live.containsKey(key) ? live.get(key) : MISSING,
                    rebuilt.containsKey(key) ? rebuilt.get(key) : MISSING, out);
        }
    }

    private static boolean same(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || a == MISSING || b == MISSING) {
            return false;
        }
        if (a instanceof Date x && b instanceof Date y) {
            return x.getTime() == y.getTime();
        }
        if (a instanceof Number x && b instanceof Number y) {
            return sameNumber(x, y);
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (!x.keySet().equals(y.keySet())) {
                return false;
            }
            return x.entrySet().stream().allMatch(entry -> same(entry.getValue(), y.get(entry.getKey())));
        }
        if (a instanceof Collection<?> x && b instanceof Collection<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<?> left = x.iterator();
            Iterator<?> right = y.iterator();
            while (left.hasNext()) {
                if (!same(left.next(), right.next())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Binary x && b instanceof Binary y) {
            return x.getType() == y.getType() && Arrays.equals(x.getData(), y.getData());
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        return Objects.equals(a, b);
    }

    private static boolean sameNumber(Number x, Number y) {
        if (isIntegral(x) && isIntegral(y)) {
            return x.longValue() == y.longValue();
        }
        try {
            return decimal(x).compareTo(decimal(y)) == 0;
        } catch (NumberFormatException notFinite) {
            return x.doubleValue() == y.doubleValue() || Double.isNaN(x.doubleValue()) && Double.isNaN(y.doubleValue());
        }
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        if (n instanceof BigDecimal d) {
            return d;
        }
        return isIntegral(n) ? BigDecimal.valueOf(n.longValue()) : new BigDecimal(Double.toString(n.doubleValue()));
    }
}
