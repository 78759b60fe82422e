import { parseRuby, resolved } from '../../src/configs/vagrant/parse.js';
import { isVagrantfile, vagrantCheck } from '../../src/configs/vagrant/check.js';

const ctx = { read: () => undefined, paths: () => [] };
const forwards = (text: string) => parseRuby(text).calls.filter((c) => c.method === 'network');

test('a call spread over lines is one statement, and a do |x| line does not swallow the next', () => {
  const [call] = forwards('Vagrant.configure("2") do |config|\n  config.vm.network :forwarded_port,\n    guest: 5432,\n    host: 5432\n  config.vm.box = "x"\nend\n');
  expect(call).toMatchObject({ receiver: 'config.vm', line: 2 });
  expect(call.args.map((a) => [a.key, a.value, a.line])).toEqual([
    [undefined, 'forwarded_port', 2],
    ['guest', '5432', 3],
    ['host', '5432', 4],
  ]);
});

test('heredoc bodies, =begin blocks and comments are not read as calls', () => {
  const text = [
    'config.vm.provision "shell", inline: <<~SHELL',
    '  echo "config.vm.network \'forwarded_port\', guest: 5432"',
    'SHELL',
    '=begin',
    'config.vm.network "forwarded_port", guest: 6379',
    '=end',
    '# config.vm.network "forwarded_port", guest: 3306',
    'config.vm.network "forwarded_port", guest: 27017, host: 27017 # "quoted # in a comment"',
  ].join('\n');
  expect(forwards(text).map((c) => c.args.find((a) => a.key === 'guest')?.value)).toEqual(['27017']);
});

test('names assigned one literal resolve; loop variables and reassigned names do not', () => {
  const file = parseRuby('PG = 5432\nport = 1\nport = 2\nconfig.vm.network "forwarded_port", guest: PG, host: port\nconfig.vm.network "forwarded_port", guest: "#{x}", host: 1\n');
  const [a, b] = file.calls.filter((c) => c.method === 'network');
  expect(resolved(file, a.args[1])?.value).toBe('5432');
  expect(resolved(file, a.args[2])?.value).toBeUndefined();
  expect(b.args[1]).toMatchObject({ key: 'guest', kind: 'expression' });
});

test('Vagrantfile names, and a file that is not Ruby at all is read without a finding or a throw', () => {
  expect(['Vagrantfile', 'vagrantfile', 'lab/Vagrantfile.local', 'Vagrantfile.cluster.rb'].every(isVagrantfile)).toBe(true);
  expect(['Vagrantfiles/README.md', 'vagrant.yml', 'Vagrantfilex'].some(isVagrantfile)).toBe(false);
  expect(vagrantCheck(() => []).check('Vagrantfile', '"unterminated\n(((\n<<-EOF\n', ctx)).toEqual([]);
});

test('two heredocs opened on one line each get their own body lines', () => {
  const file = parseRuby('x.vm.provision "shell", inline: <<-A, args: <<-B\n  one\nA\n  two\n  three\nB\nafter\n');
  const [call] = file.calls.filter((c) => c.method === 'provision');
  expect(call.args.filter((a) => a.kind === 'heredoc').map((a) => a.body)).toEqual([
    { from: 2, to: 2 },
    { from: 4, to: 5 },
  ]);
});
