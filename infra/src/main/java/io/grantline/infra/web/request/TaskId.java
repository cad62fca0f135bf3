package io.grantline.infra.web.request;

import io.grantline.api.request.AccessRequestId;
import io.grantline.infra.web.NotFound;

/** An inbox task: {@code <requestId>.<stageIndex>}, as API.md shows it. */
record TaskId(AccessRequestId requestId, int stageIndex) {

    static TaskId parse(String taskId) {
        int dot = taskId.lastIndexOf('.');
        if (dot <= 0 || dot == taskId.length() - 1 || taskId.length() - dot > 4
                || !taskId.substring(dot + 1).chars().allMatch(Character::isDigit)) {
            throw new NotFound("approval task '" + taskId + "'");
        }
        return new TaskId(AccessRequestId.of(taskId.substring(0, dot)), Integer.parseInt(taskId.substring(dot + 1)));
    }
}
