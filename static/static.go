// Package static embeds the CSS, scripts and images so the binary is the whole app.
package static

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"strings"
)

//go:embed css js img manifest.json
var files embed.FS

// FS is the embedded tree, rooted at the static folder.
var FS fs.FS = files

// version is a hash of every embedded file, so URLs change when any file does and
// browsers may cache them forever.
var version = func() string {
	h := sha256.New()
	_ = fs.WalkDir(files, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := files.ReadFile(path)
		h.Write([]byte(path))
		h.Write(b)
		return err
	})
	return hex.EncodeToString(h.Sum(nil))[:12]
}()

// Version returns the content hash carried by static URLs.
func Version() string { return version }

// URL returns the cache-busting URL of an embedded file, e.g. URL("css/app.css").
func URL(path string) string { return "/static/" + path + "?v=" + version }

// shell are the files every page needs, cached by the service worker for use offline.
var shell = []string{"css/app.css", "js/htmx.min.js", "js/app.js", "js/offline.js", "img/logo.svg"}

// ShellJSON lists the versioned URLs of the shell as a JSON array.
func ShellJSON() string {
	urls := make([]string, len(shell))
	for i, p := range shell {
		urls[i] = `"` + URL(p) + `"`
	}
	return "[" + strings.Join(urls, ",") + "]"
}

// ServiceWorker is the worker script, served from the site root so its scope is the whole app.
func ServiceWorker() ([]byte, error) { return files.ReadFile("js/sw.js") }
