// Package config reads the app's settings from the environment once, at start.
package config

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

// Config holds every setting the app reads from the environment.
type Config struct {
	Addr        string // JEMPUTBOLA_ADDR, default ":8080"
	SQLitePath  string // JEMPUTBOLA_DB, default "./data/jemputbola.db"
	DatabaseURL string // DATABASE_URL; a postgres:// URL selects PostgreSQL
	Secret      string // JEMPUTBOLA_SECRET; generated and persisted in the database when empty
	LogFormat   string // JEMPUTBOLA_LOG: "text" (default) or "json"
	// TLSCert and TLSKey (JEMPUTBOLA_TLS_CERT, JEMPUTBOLA_TLS_KEY: PEM files)
	// make serve speak HTTPS itself. Tablets need HTTPS for offline use:
	// browsers run service workers only in a secure context.
	TLSCert, TLSKey string
	// TrustedProxies (JEMPUTBOLA_TRUSTED_PROXIES: addresses or CIDR ranges,
	// comma separated) are the reverse proxies whose X-Forwarded-For names
	// the client. Without any, the socket's address is the client's: a
	// client cannot pick its own address for the sign-in throttle.
	TrustedProxies []*net.IPNet
	// PublicURL (JEMPUTBOLA_PUBLIC_URL, e.g. https://jemputbola.example.go.id)
	// is the address people outside the office open: confirmation links sent
	// to site contacts use it. Unset: the address the request came in on.
	PublicURL string
}

// TLS reports whether serve speaks HTTPS.
func (c Config) TLS() bool { return c.TLSCert != "" }

// Load builds a Config from getenv (os.Getenv in production, a map in tests).
// It returns an error naming the variable when a value is invalid.
func Load(getenv func(string) string) (Config, error) {
	c := Config{
		Addr:        getenv("JEMPUTBOLA_ADDR"),
		SQLitePath:  getenv("JEMPUTBOLA_DB"),
		DatabaseURL: getenv("DATABASE_URL"),
		Secret:      getenv("JEMPUTBOLA_SECRET"),
		LogFormat:   getenv("JEMPUTBOLA_LOG"),
		TLSCert:     getenv("JEMPUTBOLA_TLS_CERT"),
		TLSKey:      getenv("JEMPUTBOLA_TLS_KEY"),
		PublicURL:   strings.TrimRight(getenv("JEMPUTBOLA_PUBLIC_URL"), "/"),
	}
	if u, err := url.Parse(c.PublicURL); c.PublicURL != "" && (err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.Path != "") {
		return c, fmt.Errorf("JEMPUTBOLA_PUBLIC_URL: %q is not an address such as https://jemputbola.example.go.id", c.PublicURL)
	}
	for _, s := range strings.Split(getenv("JEMPUTBOLA_TRUSTED_PROXIES"), ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		if !strings.Contains(s, "/") {
			if ip := net.ParseIP(s); ip != nil && ip.To4() != nil {
				s += "/32"
			} else {
				s += "/128"
			}
		}
		_, n, err := net.ParseCIDR(s)
		if err != nil {
			return c, fmt.Errorf("JEMPUTBOLA_TRUSTED_PROXIES: %q is not an address or CIDR range", s)
		}
		c.TrustedProxies = append(c.TrustedProxies, n)
	}
	if (c.TLSCert == "") != (c.TLSKey == "") {
		return c, fmt.Errorf("JEMPUTBOLA_TLS_CERT and JEMPUTBOLA_TLS_KEY must be set together")
	}
	if c.Addr == "" {
		c.Addr = ":8080"
	}
	if c.SQLitePath == "" {
		c.SQLitePath = "./data/jemputbola.db"
	}
	if c.LogFormat == "" {
		c.LogFormat = "text"
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return c, fmt.Errorf("JEMPUTBOLA_LOG must be text or json, got %q", c.LogFormat)
	}
	if c.DatabaseURL != "" && !strings.HasPrefix(c.DatabaseURL, "postgres://") && !strings.HasPrefix(c.DatabaseURL, "postgresql://") {
		return c, fmt.Errorf("DATABASE_URL must be a postgres:// URL")
	}
	if c.Secret != "" && len(c.Secret) < 32 {
		return c, fmt.Errorf("JEMPUTBOLA_SECRET must be at least 32 characters")
	}
	return c, nil
}
