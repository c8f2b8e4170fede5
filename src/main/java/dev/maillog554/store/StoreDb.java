package dev.maillog554.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The entity manager of the active history database. */
@ApplicationScoped
public class StoreDb {

    @Inject
    EntityManager em;

    /** The transaction-scoped entity manager. */
    public EntityManager em() {
        return em;
    }
}
