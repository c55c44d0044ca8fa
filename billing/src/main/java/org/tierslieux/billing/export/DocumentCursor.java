package org.tierslieux.billing.export;

import java.io.IOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads a place's rows through a server-side cursor: a read-only, repeatable-read transaction (one consistent
 * picture of the books, even while documents are issued) in which PostgreSQL hands rows over {@value #FETCH}
 * at a time, so the heap holds one batch whatever the number of documents. The connection is the pool's, set
 * to the place explicitly (the export runs while the response is written, after the endpoint returned).
 */
final class DocumentCursor {

    static final int FETCH = 500;

    /** What is done with each row; may write to the response. */
    interface Rows {
        void next(ResultSet row) throws SQLException, IOException;
    }

    private DocumentCursor() {}

    /** A query whose parameters are the place, then the range's first and last day, and what takes its rows. */
    record Query(String sql, Rows rows) {}

    /** Runs {@code sql} whose parameters are the place, then the range's first and last day. */
    static void read(DataSource dataSource, UUID place, String sql, ExportRange range, Rows rows) throws IOException {
        read(dataSource, place, range, new Query(sql, rows));
    }

    /** Runs the queries one after the other in the same transaction (the same picture of the books). */
    static void read(DataSource dataSource, UUID place, ExportRange range, Query... queries) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            try (PreparedStatement enter = c.prepareStatement("select set_config('app.place_id', ?, false)")) {
                enter.setString(1, place.toString());
                enter.execute();
            }
            c.setAutoCommit(false);
            try {
                try (PreparedStatement snapshot =
                        c.prepareStatement("set transaction isolation level repeatable read, read only")) {
                    snapshot.execute();
                }
                for (Query q : queries) {
                    try (PreparedStatement query =
                            c.prepareStatement(q.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                        query.setFetchSize(FETCH);
                        query.setObject(1, place);
                        query.setDate(2, Date.valueOf(range.from()));
                        query.setDate(3, Date.valueOf(range.to()));
                        try (ResultSet row = query.executeQuery()) {
                            while (row.next()) {
                                q.rows().next(row);
                            }
                        }
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
                try (PreparedStatement leave = c.prepareStatement("select set_config('app.place_id', '', false)")) {
                    leave.execute();
                }
            }
        } catch (SQLException e) {
            throw new IOException("Export interrupted: " + e.getMessage(), e);
        }
    }
}
