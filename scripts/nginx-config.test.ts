import { describe, expect, it } from "vitest";
import { nginxConfigFromDeploy, readDeployNginxConf } from "./nginx-config";

describe("the scale test's nginx configuration", () => {
  const deploy = readDeployNginxConf();
  const conf = nginxConfigFromDeploy(deploy, { dir: "/tmp/run", port: 18080, upstreams: [3001, 3002] });

  it("keeps every proxy and cache directive of deploy/nginx/qingdan.conf", () => {
    const directives = [...deploy.matchAll(/^\s*((?:proxy|gzip|client_max_body_size|keepalive|add_header)[^;]*;)/gm)].map((m) => m[1].trim());
    expect(directives.length).toBeGreaterThan(15);
    for (const d of directives) {
      if (d.startsWith("proxy_cache_path")) continue;
      expect(conf, d).toContain(d);
    }
    expect(conf).toContain('"~*session-token=" 1;');
  });

  it("runs on loopback: this run's app servers and paths, plain HTTP, no certificates", () => {
    expect(conf).toContain("server 127.0.0.1:3001 max_fails=1 fail_timeout=5s;");
    expect(conf).toContain("server 127.0.0.1:3002 max_fails=1 fail_timeout=5s;");
    expect(conf).not.toContain("10.0.0.11");
    expect(conf).toContain("listen 127.0.0.1:18080;");
    expect(conf).toMatch(/proxy_cache_path \/tmp\/run\/cache levels=1:2 keys_zone=qingdan_public:/);
    expect(conf).not.toMatch(/ssl|listen 443|listen 80;|return 301/);
    expect(conf.split("{").length).toBe(conf.split("}").length);
  });
});
