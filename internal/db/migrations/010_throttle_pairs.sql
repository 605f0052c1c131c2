-- The sign-in throttle counts failures per account and address together and
-- per address (internal/auth/throttle.go), and forgets them after a day.
CREATE INDEX login_failures_pair_at ON login_failures(username, remote_ip, at);
CREATE INDEX login_failures_ip_at ON login_failures(remote_ip, at);
CREATE INDEX login_failures_at ON login_failures(at);
