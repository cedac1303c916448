package io.durable.jpa;

class PostgresHashedUpsertsTest extends HashedUpsertsContract {

    @Override
    protected String url() {
        return Databases.postgresUrl();
    }

    @Override
    protected String user() {
        return "postgres";
    }
}
