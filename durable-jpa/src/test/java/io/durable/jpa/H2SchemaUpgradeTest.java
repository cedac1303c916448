package io.durable.jpa;

class H2SchemaUpgradeTest extends SchemaUpgradeContract {

    @Override
    protected String[] database() {
        return new String[]{"jdbc:h2:mem:durable-upgrade;DB_CLOSE_DELAY=-1", "sa", ""};
    }

    @Override
    protected String kind() {
        return "h2";
    }
}
