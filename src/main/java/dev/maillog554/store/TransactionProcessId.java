package dev.maillog554.store;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.ats.arjuna.utils.Process;

import io.quarkus.runtime.StartupEvent;

/**
 * Names this process to the transaction manager by its operating-system process id. Narayana's default
 * ({@code SocketProcessId}) binds a loopback server socket for the life of the process and uses its port as the
 * id: every batch command would hold a listening port, which a batch tool must not open. The id only has to be
 * unique among the processes of this host that run at the same time, which the OS process id is. Set on start-up,
 * before any command begins a transaction; an instance, not a class name, so the native image needs no reflection.
 */
@ApplicationScoped
public class TransactionProcessId {

    void onStart(@Observes @Priority(1) StartupEvent event) {
        arjPropertyManager.getCoreEnvironmentBean().setProcessImplementation(new OsProcessId());
    }

    /** The process id the transaction manager reads when it makes a transaction's id. */
    static final class OsProcessId implements Process {
        @Override
        public int getpid() {
            return (int) ProcessHandle.current().pid();
        }
    }
}
