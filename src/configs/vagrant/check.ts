import type { Detection, Fix } from '../../model/finding.js';
import { baseName, configRule, type ConfigCheck, type ConfigContext } from '../rule.js';
import { configDetections } from '../reading.js';
import { parseErrorRule } from '../parse-error.js';
import { bindsPublicly } from '../containers/port-spec.js';
import { DATABASE_PORTS } from '../shared/ports.js';
import { parseRuby, resolved, type HeredocBody, type RubyArg, type RubyCall, type RubyFile } from './parse.js';

/**
 * Vagrant's forwarded ports. Vagrant's networking docs: "For most providers, forwarded ports by
 * default bind to all interfaces. This means that other devices on your network can access the
 * forwarded ports", unless `host_ip` says otherwise. Vagrant's own SSH forward is the exception
 * (its kernel config adds `host_ip: "127.0.0.1"` to `id: "ssh"`), but a Vagrantfile that declares
 * the `ssh` forward itself replaces it, and without `host_ip` that one binds everywhere too.
 */
const forwardedPublic = configRule({
  id: 'vagrant-port-public',
  title: 'Vagrant forwards a database or login port on all host interfaces',
  severity: 'medium',
  why: "Without host_ip Vagrant binds a forwarded port on every interface of the machine running it, so anyone on that machine's network (an office or café LAN, the internet on a server) reaches the guest's service, and Vagrant boxes log in with the well-known vagrant user. The guide never exposes database ports, and keeps SSH to known addresses.",
  fix: 'Add `host_ip: "127.0.0.1"` to the forwarded_port line (`config.vm.network "forwarded_port", guest: 5432, host: 5432, host_ip: "127.0.0.1"`), or reach the guest over a private_network address instead.',
});

/** Ports Vagrant boxes commonly forward for logging in, each with the box's default credentials behind it. */
const LOGIN_PORTS: ReadonlyMap<number, string> = new Map([
  [22, 'SSH'],
  [3389, 'RDP'],
  [5985, 'WinRM'],
  [5986, 'WinRM over HTTPS'],
]);

export function isVagrantfile(path: string): boolean {
  // `Vagrantfile.local` and `Vagrantfile.cluster.rb` are Vagrantfiles that a symlink or `load` selects.
  return /^vagrantfile(?:[._-][\w.-]+)?$/i.test(baseName(path));
}

/** The Vagrantfile check; `checks` are every check, for the scripts its shell provisioners run. */
export function vagrantCheck(checks: () => readonly ConfigCheck[]): ConfigCheck {
  return {
    name: 'vagrant',
    rules: [forwardedPublic],
    applies: isVagrantfile,
    check(path, text, ctx) {
      const file = parseRuby(text);
      const others = checks().filter((c) => c.name !== 'vagrant');
      return [...file.calls.flatMap((call) => checkForward(file, call)), ...inlineShell(path, file, others, ctx)];
    },
  };
}

/**
 * `config.vm.provision "shell", inline: <<-SHELL … SHELL` bodies, judged as one script (they run
 * in order on the same box) with every other line blanked, so lines and columns are the
 * Vagrantfile's own. Ruby's own escapes in the body are left as written.
 */
function inlineShell(path: string, file: RubyFile, checks: readonly ConfigCheck[], ctx: ConfigContext): Detection[] {
  const keep = new Set<number>();
  const take = (body: HeredocBody | undefined) => {
    for (let n = body?.from ?? 1; body && n <= body.to; n++) keep.add(n);
  };
  for (const call of file.calls) {
    if (call.method !== 'provision' || !/(?:^|\.)vm$/.test(call.receiver) || call.args[0]?.value !== 'shell') continue;
    take(call.args.find((a) => a.key === 'inline')?.body);
    // `provision :shell do |s|` … `s.inline = <<-SHELL`: the block's object is the provisioner.
    for (const attr of file.attributes) if (attr.receiver === call.blockParam && attr.name === 'inline') take(attr.value.body);
  }
  if (!keep.size) return [];
  const script = file.lines.map((l, i) => (keep.has(i + 1) ? l : '')).join('\n');
  // A body that is not quite shell (Ruby interpolation) is the provisioner's business, not a parse finding here.
  return configDetections(checks, `${path}#shell-provisioner.sh`, script, ctx)
    .filter((d) => d.ruleId !== parseErrorRule.id)
    .map((d) => ({ ...d, fingerprintKey: `vagrant shell ${d.fingerprintKey ?? d.ruleId}` }));
}

function checkForward(file: RubyFile, call: RubyCall): Detection[] {
  if (call.method !== 'network' || !/(?:^|\.)vm$/.test(call.receiver)) return [];
  const [type] = call.args;
  if (!type || type.key !== undefined || type.value !== 'forwarded_port') return [];
  const option = (key: string) => call.args.find((a) => a.key === key);
  if (resolved(file, option('disabled'))?.value === 'true') return [];
  const guestArg = option('guest');
  const guest = Number(resolved(file, guestArg)?.value);
  const service = DATABASE_PORTS.get(guest) ?? LOGIN_PORTS.get(guest);
  if (!guestArg || !service) return [];
  const hostIp = option('host_ip');
  const ip = resolved(file, hostIp);
  // A host_ip computed at run time is the user's decision, unknown here.
  if (hostIp && (ip?.value === undefined || !bindsPublicly(ip.value))) return [];
  const host = resolved(file, option('host'));
  const hostPort = host?.value ?? host?.text ?? String(guest);
  const where = hostIp ? `host_ip ${ip?.value}` : 'no host_ip';
  // At the host_ip that binds everywhere, or at the guest port when none is given.
  const at = hostIp ?? guestArg;
  return [
    forwardedPublic.at(
      { line: at.start.line, column: at.start.column, endLine: at.line, endColumn: at.endColumn },
      {
        message: `${call.receiver}.network "forwarded_port" forwards the guest's ${service} (${guest}) to host port ${hostPort} with ${where}, so it listens on every interface of the machine running Vagrant.`,
        key: `forwarded_port ${call.receiver} ${guest}`,
        ...fixOf(file, call, hostIp),
      },
    ),
  ];
}

/** Binds the forward to loopback: the host_ip value replaced, or one added after the last argument when the call is one line. */
function fixOf(file: RubyFile, call: RubyCall, hostIp: RubyArg | undefined): { fix: Fix } | Record<string, never> {
  const lineText = file.lines[call.line - 1] ?? '';
  if (hostIp) {
    if (hostIp.kind !== 'string') return {};
    return { fix: { line: hostIp.line, replacement: lineText.slice(0, hostIp.column - 1) + '"127.0.0.1"' + lineText.slice(hostIp.endColumn - 1) } };
  }
  const last = call.args[call.args.length - 1];
  if (call.args.some((a) => a.line !== call.line)) return {};
  return { fix: { line: call.line, replacement: lineText.slice(0, last.endColumn - 1) + ', host_ip: "127.0.0.1"' + lineText.slice(last.endColumn - 1) } };
}
