package io.durable.jpa;

class PostgresSchemaUpgradeTest extends SchemaUpgradeContract {

    @Override
    protected String[] database() {
        return new String[]{Databases.postgresUrl(), "postgres", ""};
    }

    @Override
    protected String kind() {
        return "postgresql";
    }
}
