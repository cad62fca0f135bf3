package io.grantline.infra.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows of one table, every column, taken out of the shared store and put back exactly as they were: a test plays the
 * insider who rewrites or restores the database, then undoes it.
 */
record StoreRows(String table, List<Map<String, Object>> rows) {

    static StoreRows select(JdbcTemplate jdbc, String table, String where, Object... params) {
        return new StoreRows(table, jdbc.queryForList("SELECT * FROM " + table + " WHERE " + where, params));
    }

    /** Takes the rows out, as a restore of a dump made before they were written would. */
    static StoreRows remove(JdbcTemplate jdbc, String table, String where, Object... params) {
        StoreRows taken = select(jdbc, table, where, params);
        jdbc.update("DELETE FROM " + table + " WHERE " + where, params);
        return taken;
    }

    void insert(JdbcTemplate jdbc) {
        for (Map<String, Object> row : rows) {
            List<String> columns = new ArrayList<>(row.keySet());
            jdbc.update("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                            + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")",
                    columns.stream().map(row::get).toArray());
        }
    }
}
