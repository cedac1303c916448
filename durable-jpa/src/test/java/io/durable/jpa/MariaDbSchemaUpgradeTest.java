package io.durable.jpa;

class MariaDbSchemaUpgradeTest extends SchemaUpgradeContract {

    @Override
    protected String[] database() {
        return new String[]{Databases.mariadbUrl(), "root", ""};
    }

    @Override
    protected String kind() {
        return "mariadb";
    }
}
