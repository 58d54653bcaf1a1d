// Command gitserver serves the bare repositories under -root over smart HTTP (plain, no auth), HTTPS (basic auth)
// and SSH (public-key auth) on loopback, for the sandbox's tests and demo. It is test infrastructure built from the
// github.com/fluxcd/gitkit module (the server behind Flux's own gittestserver); nothing here ships in an action.
//
// Once listening it writes its addresses as JSON to -addresses (atomically): {"http":…,"https":…,"ssh":…,"hostKey":…}.
package main

import (
	"bytes"
	"crypto/tls"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"strings"

	"github.com/fluxcd/gitkit"
	"golang.org/x/crypto/ssh"
)

func main() {
	root := flag.String("root", "", "folder of bare repositories (<name>.git)")
	httpAddr := flag.String("http", "127.0.0.1:0", "plain HTTP listen address (empty: off)")
	httpsAddr := flag.String("https", "", "HTTPS listen address (empty: off)")
	certFile := flag.String("tls-cert", "", "HTTPS certificate (PEM)")
	keyFile := flag.String("tls-key", "", "HTTPS private key (PEM)")
	user := flag.String("user", "", "HTTPS basic auth user")
	passwordFile := flag.String("password-file", "", "file holding the HTTPS basic auth password")
	sshAddr := flag.String("ssh", "", "SSH listen address (empty: off)")
	keyDir := flag.String("host-key-dir", "", "folder of the SSH host key (gitkit.rsa, created when missing)")
	authorizedKeys := flag.String("authorized-keys", "", "authorized_keys file: the only client keys SSH accepts")
	addresses := flag.String("addresses", "", "file to write the listening addresses to (JSON)")
	autoCreate := flag.Bool("auto-create", false, "create a repository on its first push")
	flag.Parse()
	if *root == "" || *addresses == "" {
		log.Fatal("-root and -addresses are required")
	}
	out := map[string]string{}
	base := gitkit.Config{Dir: *root, AutoCreate: *autoCreate}

	if *httpAddr != "" {
		ln, err := net.Listen("tcp", *httpAddr)
		check(err)
		srv := gitkit.New(base)
		check(srv.Setup())
		go func() { log.Fatal(http.Serve(ln, srv)) }()
		out["http"] = "http://" + ln.Addr().String()
	}

	if *httpsAddr != "" {
		password, err := os.ReadFile(*passwordFile)
		check(err)
		pass := strings.TrimRight(string(password), "\n")
		if *user == "" || pass == "" {
			log.Fatal("-https needs -user and a non-empty -password-file")
		}
		cert, err := tls.LoadX509KeyPair(*certFile, *keyFile)
		check(err)
		cfg := base
		cfg.Auth = true
		srv := gitkit.New(cfg)
		srv.AuthFunc = func(c gitkit.Credential, _ *gitkit.Request) (bool, error) {
			return c.Username == *user && c.Password == pass, nil
		}
		check(srv.Setup())
		ln, err := tls.Listen("tcp", *httpsAddr, &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12})
		check(err)
		go func() { log.Fatal(http.Serve(ln, srv)) }()
		out["https"] = "https://" + ln.Addr().String()
	}

	if *sshAddr != "" {
		allowed, err := os.ReadFile(*authorizedKeys)
		check(err)
		var keys [][]byte
		for rest := allowed; len(bytes.TrimSpace(rest)) > 0; {
			key, _, _, next, err := ssh.ParseAuthorizedKey(rest)
			check(err)
			keys = append(keys, key.Marshal())
			rest = next
		}
		if len(keys) == 0 {
			log.Fatal("-authorized-keys holds no key")
		}
		cfg := base
		cfg.Auth = true
		cfg.KeyDir = *keyDir
		srv := gitkit.NewSSH(cfg)
		srv.PublicKeyLookupFunc = func(content string) (*gitkit.PublicKey, error) {
			offered, _, _, _, err := ssh.ParseAuthorizedKey([]byte(content))
			if err != nil {
				return nil, err
			}
			for _, k := range keys {
				if bytes.Equal(k, offered.Marshal()) {
					return &gitkit.PublicKey{Id: "flux"}, nil
				}
			}
			return nil, fmt.Errorf("the key %s is not authorized", ssh.FingerprintSHA256(offered))
		}
		check(srv.Listen(*sshAddr))
		go func() { log.Fatal(srv.Serve()) }()
		hostKey, err := os.ReadFile(cfg.KeyPath() + ".pub")
		check(err)
		out["ssh"] = "ssh://git@" + srv.Address()
		out["hostKey"] = strings.TrimSpace(string(hostKey))
	}

	line, err := json.Marshal(out)
	check(err)
	check(os.WriteFile(*addresses+".tmp", line, 0o600))
	check(os.Rename(*addresses+".tmp", *addresses))
	log.Printf("listening: %s", line)
	select {}
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
