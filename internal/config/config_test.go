package config_test

import (
	"strings"
	"testing"

	"jemputbola/internal/config"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestLoad(t *testing.T) {
	t.Run("Defaults", func(t *testing.T) {
		c, err := config.Load(env(nil))
		if err != nil {
			t.Fatal(err)
		}
		if c.Addr != ":8080" || c.SQLitePath != "./data/jemputbola.db" || c.LogFormat != "text" || c.DatabaseURL != "" {
			t.Fatalf("defaults: %+v", c)
		}
	})
	t.Run("Overrides", func(t *testing.T) {
		c, err := config.Load(env(map[string]string{"JEMPUTBOLA_ADDR": ":9000", "DATABASE_URL": "postgres://x@y/z", "JEMPUTBOLA_LOG": "json"}))
		if err != nil || c.Addr != ":9000" || c.DatabaseURL != "postgres://x@y/z" || c.LogFormat != "json" {
			t.Fatalf("%+v, %v", c, err)
		}
	})
	bad := []struct{ name, key, value string }{
		{"ErrLogFormat", "JEMPUTBOLA_LOG", "xml"},
		{"ErrDatabaseURL", "DATABASE_URL", "mysql://x"},
		{"ErrShortSecret", "JEMPUTBOLA_SECRET", "pendek"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, err := config.Load(env(map[string]string{tc.key: tc.value}))
			if err == nil || !strings.Contains(err.Error(), tc.key) {
				t.Fatalf("Load with %s=%q: %v, want an error naming it", tc.key, tc.value, err)
			}
		})
	}
}
