package io.grantline.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.grantline.api.common.IdFormat;

/** A deployment of process or decision models, named by the engine; {@link #toString()} is its event-store stream name. */
public record ModelDeploymentId(@JsonValue String value) {

    public ModelDeploymentId {
        IdFormat.require(value, "deployment id");
    }

    @JsonCreator
    public static ModelDeploymentId of(String value) {
        return new ModelDeploymentId(value);
    }

    @Override
    public String toString() {
        return "deployment:" + value;
    }
}
