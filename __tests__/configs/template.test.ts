import { maskTemplate, templateKind } from '../../src/configs/formats/template.js';

test('masks Jinja tags in place and marks the lines of a conditional as uncertain', () => {
  const text = "Port {{ port }}\n{% if root %}\nPermitRootLogin yes\n{% endif %}\n{# note #}\nUsePAM yes\n";
  const m = maskTemplate('templates/sshd_config.j2', text, 'jinja');
  expect(m.renders).toBe('templates/sshd_config');
  expect(m.text.length).toBe(text.length);
  expect(m.text.split('\n')).toEqual(['Port <xxxxxxxx>', '             ', 'PermitRootLogin yes', '           ', '          ', 'UsePAM yes', '']);
  expect([...m.uncertain].sort()).toEqual([2, 3, 4]);
  expect([...m.rendered]).toEqual([1]);
});

test('a quoted close marker inside a tag does not end it', () => {
  const m = maskTemplate('a.j2', "X {{ '}}' ~ y }} Z\n", 'jinja');
  expect(m.text).toBe('X <xxxxxxxxxxxx> Z\n');
});

test('Go template control actions nest; output actions become placeholders', () => {
  const text = 'a: {{ .Values.a }}\n{{- range .Values.list }}\n- {{ . }}\n{{- end }}\nb: 1\n';
  const m = maskTemplate('chart/templates/x.yaml', text, 'go');
  expect([...m.uncertain].sort()).toEqual([2, 3, 4]);
  expect(m.text.split('\n')[4]).toBe('b: 1');
});

test('ERB blocks opened by if and do close at end', () => {
  const text = '<% if @x -%>\nA yes\n<% end -%>\n<% @u.each do |u| -%>\nB <%= u %>\n<% end -%>\nC no\n';
  const m = maskTemplate('sshd_config.erb', text, 'erb');
  expect([...m.uncertain].sort()).toEqual([1, 2, 3, 4, 5, 6]);
});

test('template kind by extension, and Helm by its templates folder', () => {
  expect(templateKind('x/sshd_config.j2', '')).toBe('jinja');
  expect(templateKind('x/agent.service.erb', '')).toBe('erb');
  expect(templateKind('chart/templates/deploy.yaml', 'a: {{ .Values.a }}')).toBe('go');
  expect(templateKind('chart/templates/deploy.yaml', 'a: 1')).toBeUndefined();
  expect(templateKind('docker-compose.yml', 'a: {{ x }}')).toBeUndefined();
});
