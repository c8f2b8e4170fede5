package dev.maillog554.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Runs each {@link Admitted} resource method through {@link Admission}. */
@Admitted
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AdmissionInterceptor {

    @Inject
    Admission admission;

    @AroundInvoke
    Object admit(InvocationContext ctx) {
        return admission.call(() -> {
            try {
                return ctx.proceed();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
