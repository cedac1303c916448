package io.durable.jpa.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A batch of rows written by one PostgreSQL statement whose text does not depend on the batch's size
 * (so the driver prepares it once per connection): the rows go as one array per column, which the
 * statement turns back into rows with {@code unnest}, and its {@code RETURNING} names the rows it
 * wrote. Items whose key occurs more than once in the batch are not sent, since the answer could not
 * tell them apart; they count as not written, for their callers to write alone.
 */
public final class UnnestBatch {

    private UnnestBatch() {
    }

    /**
     * Sends the items and tells which were written.
     *
     * @param connection a connection to PostgreSQL, in the mode the caller wants (auto-commit: one round trip)
     * @param sql        the statement: first one {@code ?} per column, each an array, then {@code after}'s
     *                   parameters; it returns the key columns of each row written
     * @param types      the SQL type of each column's array (as {@link Connection#createArrayOf} names it)
     * @param items      the items, at most a few hundred
     * @param key        an item's key: the columns the statement returns, joined with {@code #}
     * @param row        an item's values, in the order of {@code types}
     * @param after      string parameters that follow the arrays
     * @return for each item, in order, whether the statement wrote it
     * @throws SQLException as the database refused the statement or failed
     */
    public static <T> boolean[] write(Connection connection, String sql, String[] types, List<T> items,
                                      Function<T, String> key, Function<T, List<Object>> row, List<String> after)
            throws SQLException {
        Map<String, Long> occurrences = items.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
        List<T> sent = items.stream().filter(item -> occurrences.get(key.apply(item)) == 1).toList();
        Set<String> written = sent.isEmpty() ? Set.of() : execute(connection, sql, types, sent, row, after);
        boolean[] result = new boolean[items.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = written.contains(key.apply(items.get(i)));
        }
        return result;
    }

    private static <T> Set<String> execute(Connection connection, String sql, String[] types, List<T> items,
                                           Function<T, List<Object>> row, List<String> after) throws SQLException {
        Object[][] columns = new Object[types.length][items.size()];
        for (int i = 0; i < items.size(); i++) {
            List<Object> values = row.apply(items.get(i));
            for (int c = 0; c < columns.length; c++) {
                columns[c][i] = values.get(c);
            }
        }
        Set<String> written = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int c = 0; c < columns.length; c++) {
                statement.setArray(c + 1, connection.createArrayOf(types[c], columns[c]));
            }
            for (int i = 0; i < after.size(); i++) {
                statement.setString(columns.length + 1 + i, after.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                int returned = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    StringBuilder rowKey = new StringBuilder(rows.getString(1));
                    for (int c = 2; c <= returned; c++) {
                        rowKey.append('#').append(rows.getString(c));
                    }
                    written.add(rowKey.toString());
                }
            }
        }
        return written;
    }
}
