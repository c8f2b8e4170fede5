package dev.maillog554.store;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Stored runs. */
@ApplicationScoped
public class ScanRunRepository implements PanacheRepository<ScanRun> {
}
