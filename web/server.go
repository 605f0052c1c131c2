// Package web is the HTTP layer: routes, middleware, handlers and rendering.
package web

import (
	"context"
	"log/slog"
	"net"
	"net/http"

	"github.com/labstack/echo/v4"
	"gorm.io/gorm"

	"jemputbola/internal/audit"
)

// Deps is what the web layer needs from the outside.
type Deps struct {
	DB     *gorm.DB
	Secret string // keys the CSRF tokens
	Log    *slog.Logger
	// TrustedProxies may name the client in X-Forwarded-For; nil: none, the
	// socket's address is the client's.
	TrustedProxies []*net.IPNet
	// PublicURL is the address outsiders open (confirmation links); "": the
	// request's own.
	PublicURL string
}

// Server is the app's HTTP handler.
type Server struct {
	echo *echo.Echo
	deps Deps
}

// New builds the server and registers every route.
func New(d Deps) *Server {
	if d.Log == nil {
		d.Log = slog.Default()
	}
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.IPExtractor = clientIP(d.TrustedProxies)
	s := &Server{echo: e, deps: d}
	e.HTTPErrorHandler = s.handleError
	s.routes()
	return s
}

// clientIP is who a request comes from, for the sign-in throttle and the
// audit trail: the socket's address, or X-Forwarded-For's when the socket is
// one of the trusted proxies (and only those: no private range by default).
func clientIP(trusted []*net.IPNet) echo.IPExtractor {
	if len(trusted) == 0 {
		return echo.ExtractIPDirect()
	}
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, n := range trusted {
		opts = append(opts, echo.TrustIPRange(n))
	}
	return echo.ExtractIPFromXFFHeader(opts...)
}

// ServeHTTP lets the server be used as an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.echo.ServeHTTP(w, r) }

// Routes lists the registered method and path pairs (the role matrix test walks them).
func (s *Server) Routes() []*echo.Route { return s.echo.Routes() }

// actor returns who is making the change in this request, for the audit trail.
func actor(c echo.Context) audit.Actor {
	u, ok := currentUser(c)
	if !ok {
		return audit.System
	}
	return audit.Actor{UserID: u.ID, Username: u.Username}
}

// Shutdown is for tests that run the server in-process; production uses http.Server.
func (s *Server) Shutdown(ctx context.Context) error { return s.echo.Shutdown(ctx) }
