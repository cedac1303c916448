package io.durable.sample.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * One processed page, written in the page's transaction: the evidence that no page is processed
 * twice (a page processed again would show up as a second row).
 */
@Entity
@Table(name = "sample_sync_page_log")
public class PageLog {

    @Id
    @Column(length = 36)
    public String id = UUID.randomUUID().toString();

    @Column(name = "run_id", length = 64, nullable = false)
    public String runId;

    @Column(name = "first_item", length = 64, nullable = false)
    public String firstItem;

    @Column(name = "items", nullable = false)
    public int items;

    public PageLog() {
    }

    PageLog(String runId, String firstItem, int items) {
        this.runId = runId;
        this.firstItem = firstItem;
        this.items = items;
    }
}
