package io.durable.jpa;

class MariaDbHashedUpsertsTest extends HashedUpsertsContract {

    @Override
    protected String url() {
        return Databases.mariadbUrl();
    }

    @Override
    protected String user() {
        return "root";
    }
}
