package main

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// selfSigned writes a certificate for 127.0.0.1 and its key as PEM files.
func selfSigned(t *testing.T) (certFile, keyFile string, pool *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "dukcapil.lan"},
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	pool = x509.NewCertPool()
	pool.AddCert(cert)
	return certFile, keyFile, pool
}

// TestServeTLS: with a certificate configured, serve speaks HTTPS itself and
// its cookies are Secure, which tablets need for offline use.
func TestServeTLS(t *testing.T) {
	certFile, keyFile, pool := selfSigned(t)
	base := testEnv(t)
	env := func(k string) string {
		switch k {
		case "JEMPUTBOLA_TLS_CERT":
			return certFile
		case "JEMPUTBOLA_TLS_KEY":
			return keyFile
		}
		return base(k)
	}
	t.Run("ErrHalfConfigured", func(t *testing.T) {
		half := func(k string) string {
			if k == "JEMPUTBOLA_TLS_KEY" {
				return ""
			}
			return env(k)
		}
		err := run(context.Background(), []string{"serve"}, half, strings.NewReader(""), io.Discard)
		if err == nil || !strings.Contains(err.Error(), "JEMPUTBOLA_TLS_KEY") {
			t.Fatalf("serve with a certificate but no key: %v", err)
		}
	})
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"serve"}, env, strings.NewReader(""), pw); _ = pw.Close() }()
	lines := bufio.NewScanner(pr)
	var url string
	for lines.Scan() {
		if _, after, ok := strings.Cut(lines.Text(), "berjalan di "); ok {
			url = after
			break
		}
	}
	go func() { _, _ = io.Copy(io.Discard, pr) }()
	if !strings.HasPrefix(url, "https://") {
		t.Fatalf("server address %q, want https://", url)
	}
	url = strings.Replace(url, "localhost", "127.0.0.1", 1)
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}}}
	res, err := client.Get(url + "/login")
	if err != nil {
		t.Fatalf("GET /login over TLS: %v", err)
	}
	_ = res.Body.Close()
	if res.StatusCode != http.StatusOK || len(res.Cookies()) == 0 {
		t.Fatalf("status %d, %d cookies", res.StatusCode, len(res.Cookies()))
	}
	if res.Header.Get("Strict-Transport-Security") == "" || res.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("headers over HTTPS: HSTS %q, Cache-Control %q", res.Header.Get("Strict-Transport-Security"), res.Header.Get("Cache-Control"))
	}
	for _, ck := range res.Cookies() {
		if !ck.Secure {
			t.Errorf("cookie %s is not Secure over HTTPS", ck.Name)
		}
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve returned %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("server did not stop")
	}
}
