// An admin's browser, as far as OAuth needs one: it follows redirects one by one and keeps the
// cookies each host sets (a flow may bind its state to the browser that started it).

function cookieJar() {
  const byHost = new Map();
  return {
    header(url) {
      const cookies = byHost.get(new URL(url).hostname);
      return cookies && cookies.size > 0
        ? [...cookies].map(([name, value]) => `${name}=${value}`).join('; ')
        : undefined;
    },
    store(url, response) {
      const host = new URL(url).hostname;
      const cookies = byHost.get(host) ?? new Map();
      byHost.set(host, cookies);
      for (const line of response.headers.getSetCookie()) {
        const [pair, ...attributes] = line.split(';');
        const eq = pair.indexOf('=');
        const name = pair.slice(0, eq).trim();
        const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
        if (expired) cookies.delete(name);
        else cookies.set(name, pair.slice(eq + 1).trim());
      }
    },
  };
}

export function createBrowser() {
  const jar = cookieJar();
  return {
    /**
     * Opens `url` and follows redirects until `arrived(url)` says the flow is done; `adjust(url)`
     * may change each URL before it is opened (what the admin would pick on a consent screen).
     * A response that is neither a redirect nor the destination fails with its body.
     */
    async visit(url, { arrived, adjust = () => {} }) {
      let current = new URL(url);
      for (let hop = 0; hop < 12; hop += 1) {
        adjust(current);
        if (arrived(current)) return current;
        const cookie = jar.header(current);
        const response = await fetch(current, {
          redirect: 'manual',
          headers: cookie ? { cookie } : {},
        });
        jar.store(current, response);
        const location = response.headers.get('location');
        if (response.status < 300 || response.status >= 400 || !location) {
          const body = (await response.text()).slice(0, 600);
          throw new Error(
            `${current.origin}${current.pathname} answered ${response.status}, not a redirect: ${body}`,
          );
        }
        await response.body?.cancel();
        current = new URL(location, current);
      }
      throw new Error(`more than 12 redirects from ${url}`);
    },
  };
}
