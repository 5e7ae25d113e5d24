package io.rebatch.jobs.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestDatabasesTest {

    @Test
    void replacesTheDatabaseAndKeepsTheParameters() {
        assertThat(TestDatabases.withDatabase("jdbc:mysql://127.0.0.1:3407/rebatch?user=rebatch&password=x", "rebatch_t1_1"))
                .isEqualTo("jdbc:mysql://127.0.0.1:3407/rebatch_t1_1?user=rebatch&password=x");
    }

    @Test
    void addsADatabaseWhenTheUrlHasNone() {
        assertThat(TestDatabases.withDatabase("jdbc:mysql://db:3306?useSSL=false", "t")).isEqualTo("jdbc:mysql://db:3306/t?useSSL=false");
        assertThat(TestDatabases.withDatabase("jdbc:mysql://db:3306/", "t")).isEqualTo("jdbc:mysql://db:3306/t");
        assertThat(TestDatabases.withDatabase("jdbc:mysql://db", "t")).isEqualTo("jdbc:mysql://db/t");
    }

    @Test
    void readsCredentialsFromTheQuery() {
        String url = "jdbc:mysql://h/rebatch?user=rebatch&password=p%26w&useSSL=false";
        assertThat(TestDatabases.queryParameter(url, "user")).isEqualTo("rebatch");
        assertThat(TestDatabases.queryParameter(url, "password")).isEqualTo("p&w");
        assertThat(TestDatabases.queryParameter(url, "missing")).isNull();
        assertThat(TestDatabases.queryParameter("jdbc:mysql://h/db", "user")).isNull();
    }
}
