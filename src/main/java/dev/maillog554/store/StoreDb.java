package dev.maillog554.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;

/**
 * The entity manager and datasource of the active history database: the embedded H2 one or the PostgreSQL
 * one, chosen at start-up by {@link DatabaseSelection}. Panache cannot attach one entity to two persistence
 * units, so the store uses plain entity managers from here instead of Panache repositories.
 */
@ApplicationScoped
public class StoreDb {

    @Inject
    @Any
    InjectableInstance<EntityManager> entityManagers;
    @Inject
    @Any
    InjectableInstance<AgroalDataSource> dataSources;

    private volatile EntityManager em;

    /** The transaction-scoped entity manager of the active persistence unit. */
    public EntityManager em() {
        EntityManager e = em;
        if (e == null) {
            e = entityManagers.getActive();
            em = e;
        }
        return e;
    }

    /** The active datasource, for work outside JPA such as the run lock. */
    public AgroalDataSource dataSource() {
        return dataSources.getActive();
    }
}
