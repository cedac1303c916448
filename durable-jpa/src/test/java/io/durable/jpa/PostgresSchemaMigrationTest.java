package io.durable.jpa;

class PostgresSchemaMigrationTest extends SchemaMigrationContract {

    @Override
    protected String[] database() {
        return new String[]{Databases.postgresUrl(), "postgres", ""};
    }

    @Override
    protected String kind() {
        return "postgresql";
    }
}
