/** hcl2-parser, loaded on first use. */
declare function loadHcl(): { parseToObject(input: string): unknown };
export = loadHcl;
