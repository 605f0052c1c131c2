package config_test

import (
	"net"
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

func TestTrustedProxies(t *testing.T) {
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == "JEMPUTBOLA_TRUSTED_PROXIES" {
				return v
			}
			return ""
		}
	}
	c, err := config.Load(env("10.0.0.5, 192.168.1.0/24,::1"))
	if err != nil || len(c.TrustedProxies) != 3 || !c.TrustedProxies[0].Contains(net.ParseIP("10.0.0.5")) ||
		c.TrustedProxies[0].Contains(net.ParseIP("10.0.0.6")) || !c.TrustedProxies[1].Contains(net.ParseIP("192.168.1.77")) {
		t.Fatalf("Load = %v, %v", c.TrustedProxies, err)
	}
	if _, err := config.Load(env("proxy.lan")); err == nil || !strings.Contains(err.Error(), "JEMPUTBOLA_TRUSTED_PROXIES") {
		t.Fatalf("a host name accepted: %v", err)
	}
}

func TestPublicURL(t *testing.T) {
	c, err := config.Load(env(map[string]string{"JEMPUTBOLA_PUBLIC_URL": "https://jemputbola.rejanglebongkab.go.id/"}))
	if err != nil || c.PublicURL != "https://jemputbola.rejanglebongkab.go.id" {
		t.Fatalf("Load = %q, %v", c.PublicURL, err)
	}
	for _, bad := range []string{"jemputbola.lan", "ftp://x", "https://x/jalur"} {
		if _, err := config.Load(env(map[string]string{"JEMPUTBOLA_PUBLIC_URL": bad})); err == nil || !strings.Contains(err.Error(), "JEMPUTBOLA_PUBLIC_URL") {
			t.Errorf("%q accepted: %v", bad, err)
		}
	}
}
