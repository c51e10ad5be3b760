-- The language a person reads PrepBench in (issue 16): 'en' or 'ar', or NULL to follow the browser's
-- Accept-Language. Chosen with the language switch on any page; it follows the person to every bench.
ALTER TABLE users ADD COLUMN language VARCHAR(8);
ALTER TABLE users ADD CONSTRAINT ck_users_language CHECK (language IN ('en', 'ar'));
