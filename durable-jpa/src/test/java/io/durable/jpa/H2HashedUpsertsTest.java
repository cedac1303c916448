package io.durable.jpa;

class H2HashedUpsertsTest extends HashedUpsertsContract {

    @Override
    protected String url() {
        return "jdbc:h2:mem:upserts;DB_CLOSE_DELAY=-1";
    }

    @Override
    protected String user() {
        return "sa";
    }
}
