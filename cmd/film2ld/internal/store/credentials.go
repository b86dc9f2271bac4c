package store

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// Environment variables that hold a store's credentials.
const (
	EnvUser     = "FILM2LD_STORE_USER"
	EnvPassword = "FILM2LD_STORE_PASSWORD"
)

// Credentials returns the user name and password for endpoint: from the
// environment (EnvUser and EnvPassword), else from the netrc file named by
// $NETRC or ~/.netrc, the entry whose machine is the endpoint's host, or
// its default entry. No credentials is not an error: user is then "".
// They are never taken from the command line, where other users of the
// machine could read them.
func Credentials(endpoint string, getenv func(string) string) (user, password, source string, err error) {
	if u := getenv(EnvUser); u != "" {
		return u, getenv(EnvPassword), "$" + EnvUser, nil
	}
	path := getenv("NETRC")
	if path == "" {
		home := getenv("HOME")
		if home == "" {
			return "", "", "", nil
		}
		path = filepath.Join(home, ".netrc")
	}
	u, err := url.Parse(endpoint)
	if err != nil {
		return "", "", "", err
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", "", "", nil
	}
	if err != nil {
		return "", "", "", err
	}
	defer f.Close()
	user, password, found, err := netrcLookup(bufio.NewScanner(f), u.Hostname())
	if err != nil {
		return "", "", "", fmt.Errorf("%s: %w", path, err)
	}
	if !found {
		return "", "", "", nil
	}
	return user, password, path, nil
}

// netrcLookup reads netrc tokens (machine, default, login, password; a
// macdef's lines are skipped) and returns the entry for host, or else the
// default entry.
func netrcLookup(sc *bufio.Scanner, host string) (user, password string, found bool, err error) {
	type entry struct{ login, password string }
	var (
		machines = map[string]*entry{}
		def      *entry
		cur      *entry
		tokens   []string
	)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		tokens = append(tokens, strings.Fields(line)...)
		if len(tokens) > 0 && tokens[len(tokens)-1] == "macdef" {
			// A macro runs to the next empty line.
			for sc.Scan() && strings.TrimSpace(sc.Text()) != "" {
			}
			tokens = tokens[:len(tokens)-1]
		}
	}
	if err := sc.Err(); err != nil {
		return "", "", false, err
	}
	for i := 0; i < len(tokens); i++ {
		value := func() string {
			if i+1 < len(tokens) {
				i++
				return tokens[i]
			}
			return ""
		}
		switch tokens[i] {
		case "machine":
			name := value()
			cur = &entry{}
			if _, seen := machines[name]; !seen {
				machines[name] = cur
			}
		case "default":
			cur = &entry{}
			def = cur
		case "login":
			if v := value(); cur != nil {
				cur.login = v
			}
		case "password":
			if v := value(); cur != nil {
				cur.password = v
			}
		case "account":
			value()
		}
	}
	if e, ok := machines[host]; ok {
		return e.login, e.password, true, nil
	}
	if def != nil {
		return def.login, def.password, true, nil
	}
	return "", "", false, nil
}
