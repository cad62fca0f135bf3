package io.grantline.workflow.actor;

import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.springframework.stereotype.Component;

/** Wraps every delegate the engine calls so that {@link CausingActor} names who caused the step while it runs. */
@Component
class CausingActorInterceptor extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        DelegateInterceptor engines = configuration.getDelegateInterceptor();
        configuration.setDelegateInterceptor(invocation -> withCausingActor(invocation, engines));
    }

    /** A reminder, an escalation or an expiry is the system's doing, whoever moved the process last. */
    private static boolean firedByATimer() {
        JobExecutorContext job = Context.getJobExecutorContext();
        return job != null && job.getCurrentJob() instanceof TimerEntity;
    }

    private static void withCausingActor(DelegateInvocation invocation, DelegateInterceptor next) throws Exception {
        BaseDelegateExecution execution = invocation.getContextExecution();
        Object actor = execution == null || firedByATimer() ? null : execution.getVariable(CausingActor.VARIABLE);
        if (!(actor instanceof String actorId)) {
            next.handleInvocation(invocation);
            return;
        }
        CausingActor.set(actorId);
        try {
            next.handleInvocation(invocation);
        } finally {
            CausingActor.clear();
        }
    }
}
