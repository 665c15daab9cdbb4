import { adminCookie, suffix } from '../inspectors/fixtures';
import { api } from '../support/api';

export { suffix };

/** The path of a module's templates in a tenant. */
export function templatesPath(tenant = 'test-county', module = 'management') {
  return `/api/t/${tenant}/${module}/templates`;
}

/** A small valid body: one section, a yes/no item with a rule, a score item and a choice item. */
export function sampleBody(label = '校园出入口有专人值守') {
  return {
    sections: [
      {
        key: 'gate',
        title: '门卫与出入',
        items: [
          {
            key: 'gate_guard',
            label,
            type: 'yes_no',
            required: true,
            rules: [{ when: { answer: 'no' }, requireNote: true, createFinding: true }],
          },
          { key: 'gate_score', label: '门卫管理总体评价', type: 'score', max: 10 },
          { key: 'gate_register', label: '来访登记方式', type: 'choice', choices: ['纸质', '电子'] },
        ],
      },
    ],
  };
}

/** Creates an office template through the API and returns its id. */
export async function newTemplate(tenant = 'test-county', module = 'management', name?: string) {
  const res = await api(templatesPath(tenant, module), {
    cookie: await adminCookie(tenant),
    body: { name: name ?? `测试检查表${suffix()}`, body: sampleBody() },
  });
  if (res.status !== 201) throw new Error(`create template: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.template.id as string;
}

/** An archived office template, for the restore route. */
export async function archivedTemplate(tenant = 'test-county', module = 'management') {
  const id = await newTemplate(tenant, module);
  const res = await api(`${templatesPath(tenant, module)}/${id}/archive`, {
    cookie: await adminCookie(tenant),
    body: {},
  });
  if (res.status !== 200) throw new Error(`archive template: ${res.status} ${JSON.stringify(res.body)}`);
  return id;
}
