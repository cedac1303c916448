package io.durable.sample.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** One request the fake CRM answered, with its status: kept across restarts, for the tests. */
@Entity
@Table(name = "sample_crm_request")
public class CrmRequest {

    @Id
    @Column(length = 36)
    public String id = UUID.randomUUID().toString();

    @Column(name = "page", nullable = false)
    public int page;

    @Column(name = "status", nullable = false)
    public int status;

    public CrmRequest() {
    }

    CrmRequest(int page, int status) {
        this.page = page;
        this.status = status;
    }
}
