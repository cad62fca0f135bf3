package io.grantline.api.model;

/**
 * One model a deployment made current: a BPMN process, a DMN decision or a DMN file's decision requirements, with the
 * version the engine gave it and the resource it came from.
 */
public record DeployedModel(Kind kind, String key, int version, String resource) {

    public enum Kind {
        PROCESS,
        DECISION,
        DECISION_REQUIREMENTS
    }
}
