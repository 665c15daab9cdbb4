import * as v from 'valibot';
import { optionalText, text } from '../../validation';

export const ZoneFields = {
  name: text('名称', 30),
  note: optionalText('备注', 200),
};

export const ZoneInput = v.object(ZoneFields);
export type ZoneInput = v.InferOutput<typeof ZoneInput>;

export const ZonePatch = v.partial(ZoneInput);
export type ZonePatch = v.InferOutput<typeof ZonePatch>;

/** The most units one request may add or remove (a zone holds at most 100, the config's ceiling). */
export const MAX_IDS = 200;

const ids = (label: string) =>
  v.optional(
    v.pipe(
      v.array(v.string(`${label}的单位编号必须是文字`), `${label}应为单位编号的列表`),
      v.maxLength(MAX_IDS, `一次最多${label} ${MAX_IDS} 个单位，请分批操作`),
    ),
    [],
  );

export const ZoneUnitsInput = v.object({
  add: ids('加入'),
  remove: ids('移出'),
});
export type ZoneUnitsInput = v.InferOutput<typeof ZoneUnitsInput>;
