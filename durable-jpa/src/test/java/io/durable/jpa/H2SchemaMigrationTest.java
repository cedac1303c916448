package io.durable.jpa;

class H2SchemaMigrationTest extends SchemaMigrationContract {

    @Override
    protected String[] database() {
        return new String[]{"jdbc:h2:mem:durable-schema;DB_CLOSE_DELAY=-1", "sa", ""};
    }

    @Override
    protected String kind() {
        return "h2";
    }
}
