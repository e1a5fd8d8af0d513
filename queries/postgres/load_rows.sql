-- The frame's rows, streamed by the client in PostgreSQL's binary format (never a file).
COPY {table} ({names}) FROM STDIN (FORMAT BINARY);
