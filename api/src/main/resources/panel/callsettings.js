// The call-settings section of an extension's editor: GET and PUT
// /api/extensions/{number}/call-settings (docs/calls.md): forwarding always, on busy and on no
// answer, do-not-disturb, the hold music its held parties hear and what its phones must do for
// encrypted media (docs/srtp.md). The settings are replaced as a whole; the API's complaint (for
// example forward_busy.target: a number the dial plan cannot reach) is shown next to its field.
import { api } from './api.js';
import { alertBox, clearErrors, h, prefixedField, showError } from './dom.js';

const ENCRYPTION = [
  ['offer', 'Offer: encrypted when the phone asks for it, offered to it when possible'],
  ['require', 'Require: encrypted media only (RTP/SAVP), otherwise refused'],
  ['refuse', 'Refuse: plain RTP only'],
];

const ownField = (label, input, hint) => prefixedField('cs', label, input, hint);

/** One forwarding's checkbox and target, named as the API names them. */
function forwardingInputs(key) {
  return {
    enabled: h('input', { name: `${key}.enabled`, type: 'checkbox' }),
    target: h('input', { name: `${key}.target`, autocomplete: 'off', inputmode: 'numeric', placeholder: '2002' }),
  };
}

/** The section for extension {@code number}: a form that loads the settings and saves them. */
export function callSettingsForm(number) {
  const path = `/api/extensions/${encodeURIComponent(number)}/call-settings`;
  const always = forwardingInputs('forward_always');
  const busy = forwardingInputs('forward_busy');
  const noAnswer = forwardingInputs('forward_no_answer');
  const inputs = {
    timeout: h('input', { name: 'forward_no_answer.timeout_seconds', type: 'number', min: 5, max: 300 }),
    dnd: h('input', { name: 'do_not_disturb', type: 'checkbox' }),
    mohClass: h('select', { name: 'moh_class' }, h('option', { value: '' }, 'default')),
    encryption: h('select', { name: 'media_encryption' }, ENCRYPTION.map(([value, label]) => h('option', { value }, label))),
  };
  const status = h('p', { class: 'hint', role: 'status', id: 'call-settings-status' });
  const form = h('form', { class: 'card', novalidate: true, id: 'call-settings-form', 'aria-labelledby': 'call-settings-title' },
    h('h2', { id: 'call-settings-title' }, `Call settings of ${number}`),
    h('p', { class: 'hint' }, 'Targets are numbers the dial plan can reach (another extension, a ring group, '
      + 'an outside number through an outbound route). Phones can change these too with feature codes.'),
    alertBox(),
    h('div', { class: 'grid' },
      ownField('Forward every call', always.enabled),
      ownField('to', always.target),
      ownField('Forward when busy', busy.enabled),
      ownField('to', busy.target),
      ownField('Forward when not answered', noAnswer.enabled),
      ownField('to', noAnswer.target),
      ownField('after (seconds)', inputs.timeout, '5 to 300 seconds of ringing first.'),
      ownField('Do not disturb', inputs.dnd, 'Callers get busy, or the busy forwarding, or voicemail.'),
      ownField('Hold music', inputs.mohClass, 'What parties this extension puts on hold hear.'),
      ownField('Encrypted media (SRTP)', inputs.encryption)),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Save call settings')),
    status);

  const forwarding = ({ enabled, target }) => ({ enabled: enabled.checked, target: target.value.trim() || undefined });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      await api('PUT', path, {
        forward_always: forwarding(always),
        forward_busy: forwarding(busy),
        forward_no_answer: { ...forwarding(noAnswer), timeout_seconds: Number(inputs.timeout.value) },
        do_not_disturb: inputs.dnd.checked,
        moh_class: inputs.mohClass.value || undefined,
        media_encryption: inputs.encryption.value,
      });
      status.textContent = `Call settings of ${number} saved.`;
    } catch (error) {
      showError(form, error);
    }
  });

  const show = (inputsOf, saved) => {
    inputsOf.enabled.checked = saved.enabled;
    inputsOf.target.value = saved.target ?? '';
  };
  Promise.all([api('GET', path), api('GET', '/api/moh/classes')]).then(([settings, classes]) => {
    inputs.mohClass.replaceChildren(...classes.map((c) => h('option', { value: c.name === 'default' ? '' : c.name }, c.name)));
    show(always, settings.forward_always);
    show(busy, settings.forward_busy);
    show(noAnswer, settings.forward_no_answer);
    inputs.timeout.value = settings.forward_no_answer.timeout_seconds;
    inputs.dnd.checked = settings.do_not_disturb;
    inputs.mohClass.value = settings.moh_class ?? '';
    inputs.encryption.value = settings.media_encryption;
    form.dataset.loaded = 'true';
  }, (error) => showError(form, error));
  return form;
}
