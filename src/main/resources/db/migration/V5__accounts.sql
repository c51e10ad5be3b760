-- Accounts (issue 11): a temporary password that must be changed at the next sign-in, consecutive sign-in
-- failures and the lock they engage, and when the account was created. Accounts are never deleted (the audit trail
-- names people): they are disabled.
ALTER TABLE users ADD COLUMN password_change_required BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE users ADD COLUMN failed_attempts INT DEFAULT 0 NOT NULL;
ALTER TABLE users ADD COLUMN locked_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN created_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD CONSTRAINT ck_users_failed_attempts CHECK (failed_attempts >= 0);
