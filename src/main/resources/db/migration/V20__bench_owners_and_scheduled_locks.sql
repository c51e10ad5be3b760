-- Several instances on one PostgreSQL (issue 17): which instance holds each bench's balance connection, renewed by
-- its heartbeat, and taken over by another once the heartbeat is older than the lease (BenchCluster).
CREATE TABLE bench_owners (
    bench_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    instance_id  VARCHAR(100) NOT NULL,
    acquired_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL,
    balance      VARCHAR(200)
);

-- ShedLock's table: a scheduled job (audit checkpoints, the nightly verification) runs on one instance at a time.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
