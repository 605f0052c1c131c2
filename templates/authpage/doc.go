// Package authpage renders the sign-in page (Masuk).
package authpage
