package io.durable.jpa;

class MariaDbSchemaMigrationTest extends SchemaMigrationContract {

    @Override
    protected String[] database() {
        return new String[]{Databases.mariadbUrl(), "root", ""};
    }

    @Override
    protected String kind() {
        return "mariadb";
    }
}
