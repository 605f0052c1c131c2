package main

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/auth"
	"jemputbola/internal/config"
	"jemputbola/internal/db"
	"jemputbola/internal/demo"
	"jemputbola/internal/office"
	"jemputbola/internal/settings"
	"jemputbola/web"
)

// openDB loads the config, opens and migrates the database and gives a
// database without any office its first one: every command starts from this.
func openDB(getenv func(string) string) (config.Config, *gorm.DB, error) {
	cfg, err := config.Load(getenv)
	if err != nil {
		return cfg, nil, err
	}
	g, err := db.Open(db.Options{SQLitePath: cfg.SQLitePath, DatabaseURL: cfg.DatabaseURL})
	if err != nil {
		return cfg, nil, err
	}
	if err := office.NewStore(g).EnsureDefault(context.Background()); err != nil {
		db.Close(g)
		return cfg, nil, err
	}
	return cfg, g, nil
}

func migrate(getenv func(string) string, stdout io.Writer) error {
	_, g, err := openDB(getenv)
	if err != nil {
		return err
	}
	defer db.Close(g)
	v, err := db.SchemaVersion(g)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdout, "Skema basis data versi %d.\n", v)
	return err
}

func newLogger(cfg config.Config, w io.Writer) *slog.Logger {
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}

// serve runs the HTTP server, and the hourly purge of expired sessions, until
// ctx ends, then shuts down gracefully: stop accepting, finish requests in
// flight (10 s at most), stop the purge, close the database.
func serve(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	withDemo := false
	for _, a := range args {
		switch a {
		case "--demo", "-demo":
			withDemo = true
		default:
			return fmt.Errorf("opsi tidak dikenal %q untuk serve", a)
		}
	}
	cfg, g, err := openDB(getenv)
	if err != nil {
		return err
	}
	defer db.Close(g)
	log := newLogger(cfg, stdout)
	secret := cfg.Secret
	if secret == "" {
		if secret, err = settings.NewStore(g).Secret(ctx); err != nil {
			return err
		}
	}
	if withDemo {
		seeded, err := demo.Seed(ctx, g, time.Now())
		if err != nil {
			return fmt.Errorf("data demo: %w", err)
		}
		if seeded {
			log.Info("demo data loaded")
		}
	}
	// Background work stops, and is waited for, before the database closes.
	workers, stopWorkers := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer func() { stopWorkers(); wg.Wait() }()
	wg.Go(func() { purgeSessions(workers, auth.NewSessionStore(g), sessionPurgeEvery, log) })
	ln, err := listen(cfg)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           web.New(web.Deps{DB: g, Secret: secret, Log: log, TrustedProxies: cfg.TrustedProxies, PublicURL: cfg.PublicURL}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	banner(stdout, ln.Addr(), cfg.TLS(), withDemo)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// listen opens the server's socket, wrapped in TLS when the configuration
// names a certificate. A certificate that cannot be read stops the start with
// the variable to fix.
func listen(cfg config.Config) (net.Listener, error) {
	var tlsCfg *tls.Config
	if cfg.TLS() {
		cert, err := tls.LoadX509KeyPair(cfg.TLSCert, cfg.TLSKey)
		if err != nil {
			return nil, fmt.Errorf("JEMPUTBOLA_TLS_CERT/JEMPUTBOLA_TLS_KEY: %w", err)
		}
		tlsCfg = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil || tlsCfg == nil {
		return ln, err
	}
	return tls.NewListener(ln, tlsCfg), nil
}

// banner tells whoever started the server by hand where it runs and how to
// sign in. A server nobody watches runs all the same, so a failed write is
// not an error.
func banner(w io.Writer, addr net.Addr, https, withDemo bool) {
	p := &printer{w: w}
	scheme := "http"
	if https {
		scheme = "https"
	}
	p.printf("Jemput Bola berjalan di %s://%s\n", scheme, displayAddr(addr))
	if withDemo {
		p.printf("Masuk dengan akun demo (lihat README.md), kata sandi %s: admin, kadis, ketua1, operator1 (Kabupaten Rejang Lebong); kadis.kota, ketua.kota, operator.kota (Kota Bengkulu); kadis.prov (Provinsi Bengkulu)\n", demo.Password)
	} else {
		p.printf("Buat akun pertama dengan: jemputbola user add --username admin --role admin --name \"Admin\" --password-stdin\n")
	}
}

func displayAddr(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok || tcp.IP.IsUnspecified() {
		return fmt.Sprintf("localhost:%d", tcp.Port)
	}
	return a.String()
}
