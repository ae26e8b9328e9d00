import { type QboFault, validationFault } from './fault.ts';

// Every QBO error the emulator raises, with the real code, message and detail wording.
const INACTIVE_DETAIL =
  "Object Not Found : Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees.";

export const faults = {
  objectNotFound: (): QboFault => validationFault('610', 'Object Not Found', INACTIVE_DETAIL, ''),
  deletedTransaction: (): QboFault =>
    validationFault(
      '610',
      'Object Not Found',
      'Object Not Found : Another user has deleted this transaction.',
      '',
    ),
  invalidReference: (entity: string, id: string): QboFault =>
    validationFault(
      '2500',
      'Invalid Reference Id',
      `Invalid Reference Id : ${entity} assigned to this transaction has been deleted or does not exist (Id ${id}). Something you're trying to use has been made inactive. Check the fields with accounts.`,
      '',
    ),
  stale: (): QboFault =>
    validationFault(
      '5010',
      'Stale Object Error',
      'Stale Object Error : You and QuickBooks Emulator were working on this at the same time. QuickBooks Emulator finished before you did, so your work was not saved.',
      '',
    ),
  required: (param: string): QboFault =>
    validationFault(
      '2020',
      'Required param missing, need to supply the required value for the API',
      `Required parameter ${param} is missing in the request`,
      param,
    ),
  unsupportedProperty: (entity: string, prop: string): QboFault =>
    validationFault(
      '2010',
      'Request has invalid or unsupported property',
      `Property Name:Unrecognized field "${prop}" (class com.intuit.schema.finance.v3.${entity}), not marked as ignorable specified is unsupported or invalid`,
    ),
  invalidId: (value: string): QboFault =>
    validationFault('2030', 'Invalid ID', `Id should be a valid number. Supplied value:${value}`, 'Id'),
  stringLength: (max: number, supplied: number, element: string): QboFault =>
    validationFault(
      '2050',
      'String length is either shorter or longer than supported by specification',
      `String length specified does not match the supported length. Min:0 Max:${max} supported. Supplied length:${supplied}`,
      element,
    ),
  invalidEnum: (element: string, value: string): QboFault =>
    validationFault('2170', 'Invalid Enumeration', `Invalid Enumeration : ${value}`, element),
  duplicateName: (detail: string): QboFault =>
    validationFault(
      '6240',
      'Duplicate Name Exists Error',
      `The name supplied already exists. : ${detail}`,
      '',
    ),
  noName: (): QboFault =>
    validationFault(
      '6080',
      'No Name Provided',
      'Business Validation Error: Please provide a value for at least one name field (Title, GivenName, MiddleName, FamilyName, DisplayName, Suffix).',
      '',
    ),
  amountMismatch: (): QboFault =>
    validationFault(
      '6070',
      'Amount is not equal to UnitPrice * Qty',
      'Business Validation Error: Amount is not equal to UnitPrice * Qty. Supplied value:',
      '',
    ),
  discountMissing: (): QboFault =>
    validationFault('6090', 'Discount info missing', 'Discount amount or percent should be provided', ''),
  // Recorded in a public issue of Intuit's PHP SDK (QuickBooks-V3-PHP-SDK #232).
  discountOverSubtotal: (): QboFault =>
    faults.business("The discount amount can't be greater than the subtotal."),
  // An invoice line may be negative but its total may not; no source gives QBO's wording.
  negativeTotal: (): QboFault => faults.business('The transaction total must be zero or more.'),
  duplicateDocNumber: (docNumber: string, txnType: string, txnId: string): QboFault =>
    validationFault(
      '6140',
      'Duplicate Document Number Error',
      `Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=${docNumber} is assigned to TxnType=${txnType} with TxnId=${txnId}`,
      '',
    ),
  periodClosed: (): QboFault =>
    validationFault(
      '6210',
      'Account Period Closed, Cannot Update Through Services API',
      'The account period has closed and the account books cannot be updated through the QBO Services API. Please use the QBO website to make these changes.',
      '',
    ),
  business: (reason: string): QboFault =>
    validationFault(
      '6000',
      'A business validation error has occurred while processing your request',
      `Business Validation Error: ${reason}`,
      '',
    ),
  invalidAccountType: (): QboFault =>
    validationFault(
      '6430',
      'Invalid account type',
      'Invalid account type : You need to select a different type of account for this transaction.',
      '',
    ),
  cannotLink: (): QboFault =>
    validationFault(
      '620',
      'TxnID Cannot Be Linked',
      'TxnID Cannot Be Linked : The transaction cannot be linked to this payment.',
      '',
    ),
  unsupportedOperation: (detail: string): QboFault =>
    validationFault('500', 'Unsupported Operation', `Operation ${detail} is not supported.`),
  batchTooLarge: (n: number): QboFault =>
    validationFault(
      '1040',
      'Batch size exceeds allowed limit',
      `Batch size ${n} exceeds the maximum of 30 items.`,
    ),
  queryParse: (detail: string): QboFault =>
    validationFault('4000', 'Error parsing query', `QueryParserError: ${detail}`),
  queryInvalid: (detail: string): QboFault =>
    validationFault('4001', 'Invalid query', `QueryValidationError: ${detail}`),
  badRequestBody: (detail: string): QboFault =>
    validationFault('2010', 'Request has invalid or unsupported property', detail),
  // Multicurrency refusals are business validation errors (6000); the reasons are the emulator's own
  // wording (no recorded response), naming both currencies.
  transactionCurrencyMismatch: (requested: string, customer: string): QboFault =>
    faults.business(
      `The currency of the transaction (${requested}) must match the currency of the customer (${customer}).`,
    ),
  multiCurrencyOff: (requested: string, home: string): QboFault =>
    faults.business(
      `Multicurrency is not enabled for this company: currency ${requested} can't be used, only the home currency ${home}.`,
    ),
  customerCurrencyLocked: (current: string): QboFault =>
    faults.business(
      `You can't change the currency of a customer that has transactions (currency ${current}).`,
    ),
  noExchangeRate: (currency: string, home: string): QboFault =>
    faults.business(`No exchange rate from ${currency} to ${home}: supply ExchangeRate.`),
};
