package db

import "testing"

func TestIsRead(t *testing.T) {
	cases := map[string]bool{
		"SELECT 1":                                           true,
		"  select * from visits":                             true,
		"(SELECT a FROM b) UNION SELECT 1":                   true,
		"WITH f AS (SELECT 1) SELECT * FROM f":               true,
		"WITH f AS (SELECT 1) INSERT INTO x SELECT *":        false,
		"INSERT INTO teams (name) VALUES ('a') RETURNING id": false,
		"UPDATE visits SET status = 'selesai'":               false,
		"PRAGMA integrity_check":                             false,
		"":                                                   false,
	}
	for q, want := range cases {
		if got := isRead(q); got != want {
			t.Errorf("isRead(%q) = %v, want %v", q, got, want)
		}
	}
}
