package dev.maillog554.store;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Stored rejections. */
@ApplicationScoped
public class RejectionRepository implements PanacheRepository<StoredRejection> {

    /** Which of these dedupe keys are stored already. */
    public Set<String> existingKeys(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        List<String> found = getEntityManager()
                .createQuery("select r.dedupeKey from StoredRejection r where r.dedupeKey in :keys", String.class)
                .setParameter("keys", keys)
                .getResultList();
        return new HashSet<>(found);
    }
}
