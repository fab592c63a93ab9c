// The phone book page: the company contacts (/api/phonebook) that phones show in their directory
// and that name callers on inbound calls, with import from CSV or vCard (all or nothing, adding or
// replacing the book) and export in either format. The API checks each contact and names the
// field; an import's error names the line or card.
import { api, download } from './api.js';
import { collectionSection } from './collection.js';
import { alertBox, clearErrors, confirmDialog, field, h, showError } from './dom.js';

/** The API path this page needs; without it the page is not offered. */
export const requires = '/api/phonebook';

export const title = 'Phone book';

const PARTS = [['first_name', 'First name'], ['last_name', 'Last name'], ['company', 'Company'],
  ['office', 'Office number'], ['mobile', 'Mobile number'], ['home', 'Home number'], ['email', 'E-mail']];

export function render(main) {
  const confirm = confirmDialog('Delete?');
  const contacts = collectionSection({
    id: 'contacts', noun: 'contact', title: 'Contacts', path: '/api/phonebook',
    key: (c) => String(c.id), label: (c) => c.name,
    columns: ['Name', 'Company', 'Office', 'Mobile', 'Home'],
    cells: (c) => [c.name, c.company ?? '', c.office ?? '', c.mobile ?? '', c.home ?? ''],
    inputs: (c) => Object.fromEntries(PARTS.map(([name]) => [name,
      h('input', { name, autocomplete: 'off', value: c?.[name], type: name === 'email' ? 'email' : 'text' })])),
    fields: (i) => PARTS.map(([name, label]) => field(label, i[name],
      name === 'last_name' ? 'A first name, a last name or a company.'
        : name === 'office' ? 'At least one number; digits, + and ( ) - . spaces as people write them.' : undefined)),
    payload: (i) => Object.fromEntries(PARTS.map(([name]) => [name, i[name].value.trim() || undefined])),
  }, confirm);

  const file = h('input', { name: 'file', type: 'file', accept: '.csv,.vcf,text/csv,text/vcard', required: true });
  const mode = h('select', { name: 'mode' },
    h('option', { value: 'add' }, 'Add to the phone book'),
    h('option', { value: 'replace' }, 'Replace the whole phone book'));
  const importStatus = h('p', { class: 'hint', role: 'status', id: 'import-status' });
  const importForm = h('form', { class: 'card', novalidate: true, id: 'import-form', 'aria-labelledby': 'import-title' },
    h('h2', { id: 'import-title' }, 'Import and export'),
    h('p', { class: 'hint' }, 'CSV with a header line naming the columns first_name, last_name, company, office, mobile, '
      + 'home, email (any of them, in any order), or vCards as address books export them. A file with a mistake '
      + 'imports nothing and says where the mistake is.'),
    alertBox(),
    h('div', { class: 'grid' }, field('CSV or vCard file', file), field('Import', mode)),
    h('div', { class: 'buttons' },
      h('button', { type: 'submit' }, 'Import'),
      h('button', { type: 'button', class: 'secondary', id: 'export-csv', onclick: () => exportAs('csv') }, 'Download CSV'),
      h('button', { type: 'button', class: 'secondary', id: 'export-vcf', onclick: () => exportAs('vcf') }, 'Download vCards')),
    importStatus);

  importForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(importForm);
    const chosen = file.files[0];
    if (!chosen) {
      showError(importForm, { field: 'file', message: 'Choose a file first.' });
      return;
    }
    // The browser's type for .vcf files varies; the name says which format the file is.
    const vcard = chosen.name.toLowerCase().endsWith('.vcf');
    const body = new Blob([chosen], { type: vcard ? 'text/vcard' : 'text/csv' });
    try {
      const result = await api('POST', `/api/phonebook/import?mode=${encodeURIComponent(mode.value)}`, body);
      importStatus.textContent = `${result.imported} contacts imported; the phone book has ${result.contacts}.`;
      importForm.reset();
      await contacts.load();
    } catch (error) {
      showError(importForm, error);
    }
  });

  async function exportAs(format) {
    try {
      await download(`/api/phonebook.${format}`, `phonebook.${format}`);
      importStatus.textContent = `The ${format === 'csv' ? 'CSV' : 'vCard'} file has been downloaded.`;
    } catch (error) {
      showError(importForm, error);
    }
  }

  main.append(
    h('h1', {}, 'Phone book'),
    h('p', { class: 'hint' }, 'Company contacts. Phones show them in their directory (provisioning serves each maker\'s '
      + 'format under the provisioning URL, docs/phone-book.md), and a caller whose number belongs to a contact is '
      + 'shown with the contact\'s name.'),
    contacts.element, importForm, confirm.dialog);
  contacts.load();
}
